/**
 * GET /v1/services and GET /v1/services/{id}: the catalogue as the API shows it — names, legal
 * basis, channels, the form's JSON Schema and layout, the workflow (states, actions and the roles
 * that may take them), and the regulations: each act with its dates, numbers and status in kk and
 * ru, the channels and per-state norms it sets, and where in the seed each stands.
 */
import { z } from 'zod';
import { defineError, isRepealed, type Act, type AnyServiceDefinition, type LocalizedText, type Regulation } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Api } from '../api.js';
import { pathParameter } from './inputs.js';

/** ServiceNotFoundError: no service with this id in the catalogue. */
export const ServiceNotFoundError = defineError<{ serviceId: string }>('SERVICE_NOT_FOUND', 'not_found');

function texts(translator: Translator, key: string, params?: Record<string, string | number>): LocalizedText {
  return { kk: translator.t('kk', key, params), ru: translator.t('ru', key, params) };
}

/** actJson: an act with its texts in kk and ru and whether it is still in force. */
export function actJson(act: Act, translator: Translator) {
  const key = (field: string) => `regulations:acts.${act.id}.${field}`;
  const repealed = isRepealed(act);
  return {
    id: act.id,
    issuer: texts(translator, key('issuer')),
    name: texts(translator, key('name')),
    title: texts(translator, key('title')),
    adopted: { date: act.adopted.date, number: act.adopted.number, source: act.adopted.source },
    registered: { date: act.registered.date, number: act.registered.number, text: texts(translator, key('registered')), source: act.registered.source },
    inForce: {
      afterPublicationDays: act.inForce.afterPublicationDays,
      text: texts(translator, 'regulations:inForce', { days: act.inForce.afterPublicationDays }),
      source: act.inForce.source,
    },
    repealed: act.repealed
      ? { date: act.repealed.date, number: act.repealed.number, text: texts(translator, key('repealed')), source: act.repealed.source }
      : null,
    status: repealed ? ('repealed' as const) : ('inForce' as const),
    statusText: texts(translator, repealed ? 'regulations:status.repealed' : 'regulations:status.inForce'),
    seed: act.seed,
  };
}

/** regulationJson: a regulation with its act, channels, norms per state and the refusal grounds it names. */
export function regulationJson(regulation: Regulation, translator: Translator) {
  return {
    id: regulation.id,
    act: actJson(regulation.act, translator),
    source: regulation.source,
    channels: regulation.channels,
    steps: Object.entries(regulation.steps).map(([state, step]) => ({ state, deadline: step.deadline, source: step.source })),
    reasons: regulation.reasons,
  };
}

/** serviceJson is one service as GET /v1/services lists it. */
export function serviceJson(service: AnyServiceDefinition, translator: Translator) {
  return {
    id: service.id,
    name: texts(translator, service.nameKey),
    legalBasis: { text: texts(translator, service.legalBasis.key), act: service.legalBasis.act },
    provider: { kind: service.providerKind, name: texts(translator, `workflow:providerKinds.${service.providerKind}`) },
    channels: service.channels,
    regulations: service.regulations.map((regulation) => regulationJson(regulation, translator)),
    form: {
      schema: z.toJSONSchema(service.form.schema, { io: 'input', unrepresentable: 'any' }),
      layout: service.form.layout.map((hint) => ({ field: hint.field, widget: hint.widget, label: texts(translator, hint.labelKey) })),
    },
    initial: service.initial,
    // A state's norm differs per regulation: see regulations[].steps.
    states: Object.entries(service.states).map(([name, state]) => ({
      name,
      title: texts(translator, `workflow:states.${name}`),
      status: state.status,
      terminal: state.terminal ?? null,
      actions: Object.entries(state.actions ?? {}).map(([action, definition]) => ({
        name: action,
        title: texts(translator, `workflow:actions.${action}`),
        to: definition.to,
        roles: definition.roles,
        channels: definition.channels ?? service.channels,
        requires: definition.requires ?? [],
        reasons: definition.reasons ?? [],
        notify: definition.notify,
        issues: definition.issues ? (service.outputs[definition.issues] ?? []) : [],
      })),
    })),
    outputs: service.outputs,
  };
}

export function servicesRoutes(api: Api, deps: { services: readonly AnyServiceDefinition[]; translator: Translator }): void {
  // The catalogue never changes while the process runs.
  const each = new Map(deps.services.map((service) => [service.id, serviceJson(service, deps.translator)]));
  const body = { services: [...each.values()] };
  api.route(
    {
      method: 'get',
      path: '/v1/services',
      operationId: 'listServices',
      tag: 'applications',
      summary: 'The e-services: names, legal basis, channels, regulations with their acts, form schema, states and actions with their roles',
      access: { kind: 'public' },
      responses: { '200': { description: 'the catalogue', content: { 'application/json': { type: 'object', properties: { services: { type: 'array' } } } } } },
    },
    (_req, res) => {
      res.json(body);
    },
  );
  api.route(
    {
      method: 'get',
      path: '/v1/services/{id}',
      operationId: 'getService',
      tag: 'applications',
      summary: 'One e-service as GET /v1/services lists it, with its regulations and their acts in kk and ru',
      access: { kind: 'public' },
      params: { id: 'service id' },
      responses: {
        '200': { description: 'the service', content: { 'application/json': { type: 'object' } } },
        '404': { description: 'no such service', content: { 'application/json': { type: 'object' } } },
      },
    },
    (req, res) => {
      const serviceId = pathParameter(req, 'id');
      const service = each.get(serviceId);
      if (!service) throw new ServiceNotFoundError({ serviceId });
      res.json(service);
    },
  );
}
