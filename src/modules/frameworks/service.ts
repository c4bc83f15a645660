import crypto from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Page } from '../../platform/http/schemas.ts';
import { appendEvent } from '../ledger/append.service.ts';
import { loadCatalogues, parseCustomFramework, type Catalogues } from './catalogue-loader.ts';
import type { Framework, FrameworkItem } from './catalogue-schema.ts';
import * as repo from './repository.ts';
import type { FrameworkItemView, FrameworkSummary, SearchQuery } from './schema.ts';

/**
 * The catalogue an organisation sees: the frameworks aims ships (immutable content) plus the
 * organisation's own imported frameworks. Parsed custom frameworks are cached by content digest.
 */
export interface OrgCatalogue {
  builtIn: Catalogues;
  frameworks: Map<string, { framework: Framework; custom: boolean }>;
}

const parsedCustom = new Map<string, Framework>();

/** For other modules (assessments): the frameworks this organisation sees, with the shipped crosswalks. */
export async function catalogueOf(ctx: ServiceContext): Promise<OrgCatalogue> {
  const builtIn = loadCatalogues();
  const frameworks = new Map<string, { framework: Framework; custom: boolean }>();
  for (const f of builtIn.frameworks.values()) frameworks.set(f.id, { framework: f, custom: false });
  for (const row of await repo.listCustom(ctx.db, ctx.actor.organisationId)) {
    let framework = parsedCustom.get(row.sha256);
    if (!framework) {
      framework = parseCustomFramework(row.source, `${row.framework_id}.yaml`);
      parsedCustom.set(row.sha256, framework);
    }
    frameworks.set(framework.id, { framework, custom: true });
  }
  return { builtIn, frameworks };
}

export function summarise(framework: Framework, custom: boolean): FrameworkSummary {
  return {
    id: framework.id,
    name: framework.name,
    shortName: framework.shortName,
    version: framework.version,
    kind: framework.kind,
    publisher: framework.publisher,
    notice: framework.notice ?? null,
    custom,
    itemCount: framework.items.length,
    assessableCount: framework.items.filter((i) => i.assessable).length,
  };
}

export function itemView(item: FrameworkItem): FrameworkItemView {
  return {
    id: item.id,
    type: item.type,
    parent: item.parent,
    title: item.title,
    assessable: item.assessable,
    mandatoryDocumentedInformation: item.mandatoryDocumentedInformation,
    summary: item.summary,
    guidance: item.guidance ?? null,
    evidence: [...(item.evidence ?? [])],
    questions: [...(item.questions ?? [])],
    tags: [...(item.tags ?? [])],
  };
}

export async function listFrameworks(ctx: ServiceContext): Promise<FrameworkSummary[]> {
  const { frameworks } = await catalogueOf(ctx);
  return [...frameworks.values()].map((f) => summarise(f.framework, f.custom));
}

async function requireFramework(ctx: ServiceContext, frameworkId: string) {
  const catalogue = await catalogueOf(ctx);
  const entry = catalogue.frameworks.get(frameworkId);
  if (!entry) throw notFound(`Framework "${frameworkId}"`);
  return { catalogue, ...entry };
}

export async function getFramework(ctx: ServiceContext, frameworkId: string) {
  const { framework, custom } = await requireFramework(ctx, frameworkId);
  return { framework: summarise(framework, custom), items: framework.items.map(itemView) };
}

export async function getItem(ctx: ServiceContext, frameworkId: string, itemId: string) {
  const { catalogue, framework, custom } = await requireFramework(ctx, frameworkId);
  const byId = new Map(framework.items.map((i) => [i.id, i]));
  const item = byId.get(itemId);
  if (!item) throw notFound(`Item "${itemId}" of ${framework.shortName}`);
  const ancestors: Array<{ id: string; title: string }> = [];
  for (let p = item.parent; p !== null; p = byId.get(p)?.parent ?? null) {
    const parent = byId.get(p);
    if (!parent) break;
    ancestors.unshift({ id: parent.id, title: parent.title });
  }
  const titleOf = (fw: string, id: string) => catalogue.frameworks.get(fw)?.framework.items.find((i) => i.id === id)?.title ?? id;
  const nameOf = (fw: string) => catalogue.frameworks.get(fw)?.framework.shortName ?? fw;
  const mappings = [
    ...catalogue.builtIn.mappingsFrom(frameworkId, itemId).map((m) => ({ direction: 'outgoing' as const, frameworkId: m.toFramework, itemId: m.toItem, m })),
    ...catalogue.builtIn.mappingsTo(frameworkId, itemId).map((m) => ({ direction: 'incoming' as const, frameworkId: m.fromFramework, itemId: m.fromItem, m })),
  ].map(({ direction, frameworkId: fw, itemId: id, m }) => ({
    direction,
    frameworkId: fw,
    frameworkName: nameOf(fw),
    itemId: id,
    itemTitle: titleOf(fw, id),
    relationship: m.relationship,
    strength: m.strength,
    basis: m.basis,
    rationale: m.rationale,
  }));
  return {
    framework: summarise(framework, custom),
    item: itemView(item),
    ancestors,
    children: framework.items.filter((i) => i.parent === itemId).map((i) => ({ id: i.id, title: i.title, type: i.type })),
    mappings,
  };
}

type Field = 'id' | 'title' | 'summary' | 'guidance' | 'evidence' | 'questions' | 'tags';

/** Case-insensitive search over every text of every item; all words must match somewhere in the item. */
export async function searchCatalogue(ctx: ServiceContext, query: SearchQuery): Promise<Page<{ frameworkId: string; frameworkName: string; item: FrameworkItemView; matchedIn: Field[] }>> {
  const { frameworks } = await catalogueOf(ctx);
  if (query.framework && !frameworks.has(query.framework)) throw notFound(`Framework "${query.framework}"`);
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: Array<{ frameworkId: string; frameworkName: string; item: FrameworkItemView; matchedIn: Field[] }> = [];
  for (const { framework } of frameworks.values()) {
    if (query.framework && framework.id !== query.framework) continue;
    for (const item of framework.items) {
      if (query.type && item.type !== query.type) continue;
      if (query.assessable && String(item.assessable) !== query.assessable) continue;
      const fields: Record<Field, string> = {
        id: item.id,
        title: item.title,
        summary: item.summary,
        guidance: item.guidance ?? '',
        evidence: (item.evidence ?? []).join('\n'),
        questions: (item.questions ?? []).join('\n'),
        tags: (item.tags ?? []).join('\n'),
      };
      const lower = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.toLowerCase()])) as Record<Field, string>;
      if (!words.every((w) => Object.values(lower).some((v) => v.includes(w)))) continue;
      const matchedIn = (Object.keys(lower) as Field[]).filter((k) => words.some((w) => lower[k].includes(w)));
      hits.push({ frameworkId: framework.id, frameworkName: framework.shortName, item: itemView(item), matchedIn });
    }
  }
  // Identifier and title hits first: someone typing "A.6.2" or "impact assessment" wants those.
  const rank = (h: (typeof hits)[number]) => (h.matchedIn.includes('id') ? 0 : h.matchedIn.includes('title') ? 1 : 2);
  hits.sort((a, b) => rank(a) - rank(b));
  return { items: hits.slice(query.offset, query.offset + query.limit), total: hits.length, limit: query.limit, offset: query.offset };
}

/** Imports a custom framework: validated like shipped content; a dry run changes nothing. */
export async function importCustomFramework(ctx: ServiceContext, source: string, dryRun: boolean) {
  const { frameworks } = await catalogueOf(ctx);
  const framework = parseCustomFramework(source, 'upload.yaml', { reservedIds: frameworks.keys() });
  const summary = summarise(framework, true);
  if (dryRun) return { dryRun, framework: summary };
  const now = nowIso();
  const sha256 = crypto.createHash('sha256').update(source).digest('hex');
  await ctx.db.transaction().execute(async (tx) => {
    if (await repo.findCustom(tx, ctx.actor.organisationId, framework.id)) {
      throw new AppError('already_exists', `A framework with id "${framework.id}" already exists.`, { field: 'id' });
    }
    await repo.insertCustom(tx, { id: crypto.randomUUID(), organisation_id: ctx.actor.organisationId, framework_id: framework.id, name: framework.name, source, sha256, created_at: now, updated_at: now, version: 1 });
    await appendEvent(tx, ctx, {
      action: 'frameworks.custom.imported',
      resource: { type: 'framework', id: framework.id },
      changes: [{ field: 'sha256', new: sha256 }, { field: 'items', new: framework.items.length }],
    });
  });
  return { dryRun, framework: summary };
}
