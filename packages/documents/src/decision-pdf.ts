import { formatDocumentDate, formatVietnameseDate, inSentence } from '@ntm/domain';
import { renderDecisionLayout, type DecisionParts } from './decision-layout.js';

/** What a recognition decision says; every name and wording comes from the catalog. */
export interface DecisionDocument {
  number: string;
  /** ISO dates: signed, in force from. */
  date: string;
  effectiveDate: string;
  signer: string;
  /** The lines above the signer's name, as the signer's title gives them (`signingLines`). */
  signing: string[];
  /** The issuing body, the unit whose body it is, and that unit's place name: "Ủy ban nhân dân", "Tỉnh Lai Châu", "Lai Châu". */
  issuer: { body: string; unitName: string; place: string };
  /** The head's title: with the issuer, who decides ("Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"). */
  headTitle: string;
  /** The recognised unit, then its parents below the issuing unit, as the catalog names them. */
  unitNames: string[];
  /** What the unit is recognised as: "đạt chuẩn nông thôn mới". */
  recognition: string;
  year: number;
  /** The texts the decision rests on, the criteria set's last; without "Căn cứ". */
  legalBases: string[];
  /** The submission it answers: whose, and its number and date where recorded. */
  proposal: { by: string; number: string | null; date: string | null } | null;
  executors: string[];
  recipients: string[];
  verifyUrl: string;
}

type DecisionSetting = Omit<DecisionDocument, 'proposal' | 'year'>;

/** The unit(s) a decision is about, as named in a sentence; each name stays on one line ("huyện Than Uyên", never "huyện Than / Uyên"). */
export function unitsInSentence(d: DecisionSetting): string {
  return d.unitNames.map((n) => inSentence(n).replaceAll(' ', '\u00a0')).join(', ');
}

/** When a decision takes effect, as its article says it. */
export function inForceFrom(d: DecisionSetting): string {
  return d.effectiveDate === d.date ? 'kể từ ngày ký' : `kể từ ${formatDocumentDate(d.effectiveDate)}`;
}

/** The parts every decision of a setting shares: who issues it, its number and date, who signs, who receives it, the verification link. */
export function decisionFrame(d: DecisionSetting): Pick<DecisionParts, 'issuer' | 'number' | 'place' | 'date' | 'signing' | 'signer' | 'recipients' | 'verifyUrl'> {
  return { issuer: [d.issuer.body, d.issuer.unitName], number: d.number, place: d.issuer.place, date: d.date, signing: d.signing, signer: d.signer, recipients: d.recipients, verifyUrl: d.verifyUrl };
}

/** The parts of a recognition decision, for the shared decision layout. */
export function recognitionParts(d: DecisionDocument): DecisionParts {
  const unit = unitsInSentence(d);
  const recognised = `${unit} ${d.recognition} năm ${d.year}`;
  const bases = d.legalBases.map((b) => `Căn cứ ${b};`);
  if (d.proposal) {
    const submission = d.proposal.number ? ` tại Tờ trình số ${d.proposal.number}${d.proposal.date ? ` ngày ${formatVietnameseDate(d.proposal.date)}` : ''}` : '';
    bases.push(`Xét đề nghị của ${d.proposal.by}${submission}.`);
  } else {
    const last = bases.at(-1);
    if (last !== undefined) bases[bases.length - 1] = last.replace(/;$/, '.');
  }
  return {
    ...decisionFrame(d),
    subject: `Về việc công nhận ${recognised}`,
    authority: `${d.headTitle} ${d.issuer.body} ${inSentence(d.issuer.unitName)}`,
    bases,
    articles: [`Công nhận ${recognised}.`, `Quyết định này có hiệu lực ${inForceFrom(d)}.`, `${d.executors.join('; ')} chịu trách nhiệm thi hành Quyết định này./.`],
  };
}

/** Renders a recognition decision as a PDF; the same decision always renders to the same bytes. */
export function renderDecisionPdf(d: DecisionDocument): Promise<Buffer> {
  return renderDecisionLayout(recognitionParts(d));
}
