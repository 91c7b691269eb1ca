/**
 * GET /v1/services: the catalogue as the API shows it — names, legal basis, channels, the form's
 * JSON Schema and layout, and the workflow: states, actions and the roles that may take them.
 */
import { z } from 'zod';
import { type AnyServiceDefinition, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Api } from '../api.js';

function texts(translator: Translator, key: string): LocalizedText {
  return { kk: translator.t('kk', key), ru: translator.t('ru', key) };
}

/** serviceJson is one service as GET /v1/services lists it. */
export function serviceJson(service: AnyServiceDefinition, translator: Translator) {
  return {
    id: service.id,
    name: texts(translator, service.nameKey),
    legalBasis: { text: texts(translator, service.legalBasis.key), act: service.legalBasis.act },
    provider: { kind: service.providerKind, name: texts(translator, `workflow:providerKinds.${service.providerKind}`) },
    channels: service.channels,
    form: {
      schema: z.toJSONSchema(service.form.schema, { io: 'input', unrepresentable: 'any' }),
      layout: service.form.layout.map((hint) => ({ field: hint.field, widget: hint.widget, label: texts(translator, hint.labelKey) })),
    },
    initial: service.initial,
    states: Object.entries(service.states).map(([name, state]) => ({
      name,
      title: texts(translator, `workflow:states.${name}`),
      status: state.status,
      terminal: state.terminal ?? null,
      deadline: state.deadline ?? null,
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
  const body = { services: deps.services.map((service) => serviceJson(service, deps.translator)) };
  api.route(
    {
      method: 'get',
      path: '/v1/services',
      operationId: 'listServices',
      tag: 'applications',
      summary: 'The e-services: names, legal basis, channels, form schema, states and actions with their roles',
      access: { kind: 'public' },
      responses: { '200': { description: 'the catalogue', content: { 'application/json': { type: 'object', properties: { services: { type: 'array' } } } } } },
    },
    (_req, res) => {
      res.json(body);
    },
  );
}
