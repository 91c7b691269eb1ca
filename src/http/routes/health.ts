/** GET /healthz (the process answers) and GET /readyz (it can render now). */
import { Router } from 'express';

/** RenderHealth is what the pool tells the probes. */
export interface RenderHealth {
  healthy(): boolean;
  stats(): object;
}

export function healthRoutes(deps: { render: RenderHealth }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', render: { healthy: deps.render.healthy(), ...deps.render.stats() } });
  });
  router.get('/readyz', (_req, res) => {
    const ready = deps.render.healthy();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready' });
  });
  return router;
}
