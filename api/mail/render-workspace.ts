import { partnerTranslator } from '../../i18n';
import { dueTime, partnershipTime } from '../time';
import { escapeHtml, headerSafe } from './escape';
import type { RenderedEmail } from './render-report';

const p = partnerTranslator();

// The workspace's emails hold no answers: a reference, a type, an outward code, a time and a link.
function email(subject: string, body: string): RenderedEmail {
  const paragraphs = body.split('\n\n');
  const html = `<!doctype html><html lang="en"><body style="font-family:sans-serif">${paragraphs
    .map((para) => (/^https?:\/\//.test(para) ? `<p><a href="${escapeHtml(para)}">${escapeHtml(para)}</a></p>` : `<p>${escapeHtml(para)}</p>`))
    .join('')}</body></html>`;
  return { subject: headerSafe(subject), text: `${body}\n`, html };
}

export function renderInvitationEmail(vars: { partner: string; link: string; expiresAt: number }): RenderedEmail {
  const all = { ...vars, expires: partnershipTime(vars.expiresAt) };
  return email(p('workspace.invitation.subject'), p('workspace.invitation.body', all));
}

interface AboutReport {
  type: string;
  reference: string;
  partner: string;
  dueAt: number;
  link: string;
}

const varsOf = (about: AboutReport) => ({ ...about, type: p(`type.${about.type}`), due: dueTime(about.dueAt) });

/** The email of a partner that reads its reports in the workspace: that one waits, and where. */
export function renderNotifyEmail(about: AboutReport & { area: string | null }): RenderedEmail {
  const vars = { ...varsOf(about), area: about.area ?? p('workspace.notify.noArea') };
  return email(p('workspace.notify.subject', vars), p('workspace.notify.body', vars));
}

export function renderOverdueEmail(about: AboutReport): RenderedEmail {
  return email(p('workspace.overdue.subject', varsOf(about)), p('workspace.overdue.body', varsOf(about)));
}

export function renderEscalationEmail(about: AboutReport): RenderedEmail {
  return email(p('workspace.escalation.subject', varsOf(about)), p('workspace.escalation.body', varsOf(about)));
}

/** A reporter added an incident: what happened for a partner whose emails carry answers, else only that one was added. */
export function renderIncidentNotice(about: AboutReport, incident?: { date: string; time?: string; description: string }): RenderedEmail {
  // One paragraph, after the label: what a reporter typed never becomes a paragraph of its own (a bare address would read as the portal's link).
  const told = incident ? `\n\n${p('workspace.incident.what', { date: incident.date, time: incident.time ?? '' })}\n${incident.description.replace(/\n\s*\n/g, '\n')}` : '';
  return email(p('workspace.incident.subject', varsOf(about)), `${p('workspace.incident.body', varsOf(about))}${told}`);
}

/** A reporter asked for an ASB Case Review: to the partnership's Case Review contact, with the figures it rests on. */
export function renderCaseReviewRequest(vars: { reference: string; count: number; months: number; days: number; partners: string; link: string }): RenderedEmail {
  return email(p('workspace.caseReview.subject', vars), p('workspace.caseReview.body', vars));
}
