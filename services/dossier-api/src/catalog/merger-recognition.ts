import type { MergerDecisionView, MergerRecognitionBody, MergerRecognitionProposalView, RecordedBy } from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { fromStoredDate, proposeMergerRecognition, type FormerDecision } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { readRecognitions } from './unit-history.js';

const isoDate = fromStoredDate;

/** What the system proposes for a merged unit on a track (the domain's rule over the registered mergers and recognitions). */
export async function readMergerProposal(db: Db, unitCode: string, trackCode: string): Promise<MergerRecognitionProposalView> {
  const [unit, track] = await Promise.all([db.administrativeUnit.findUnique({ where: { code: unitCode } }), db.track.findUnique({ where: { code: trackCode } })]);
  if (!unit) throw new HttpProblem('notFound', `Không có đơn vị "${unitCode}".`);
  if (!track) throw new HttpProblem('notFound', `Không có loại hồ sơ "${trackCode}".`);
  const mergers = await db.unitMerger.findMany({ where: { newUnitCode: unitCode }, orderBy: { formerUnitCode: 'asc' } });
  const formers = await db.administrativeUnit.findMany({ where: { code: { in: mergers.map((m) => m.formerUnitCode) } } });
  const held = await readRecognitions(db, [unitCode, ...mergers.map((m) => m.formerUnitCode)]);
  // A province registers one date per merger; the latest stands should rows differ.
  const mergedOn = mergers.map((m) => isoDate(m.effectiveOn)).sort().at(-1) ?? null;
  const proposal = proposeMergerRecognition({
    trackCode,
    mergedOn: mergedOn ?? '9999-12-31',
    formerUnits: mergers.map((m) => ({ code: m.formerUnitCode, name: formers.find((u) => u.code === m.formerUnitCode)?.name ?? m.formerUnitCode, recognitions: held.get(m.formerUnitCode) ?? [] })),
    newUnitRecognitions: held.get(unitCode) ?? [],
  });
  return { unitCode, trackCode, mergedOn, ...proposal };
}

const toView = (d: { id: string; unitCode: string; trackCode: string; number: string; signedOn: Date; signer: string; signerTitle: string | null; mergedOn: Date; formerDecisions: unknown }): MergerDecisionView => ({
  id: d.id,
  unitCode: d.unitCode,
  trackCode: d.trackCode,
  number: d.number,
  signedOn: isoDate(d.signedOn),
  signer: d.signer,
  signerTitle: d.signerTitle,
  mergedOn: isoDate(d.mergedOn),
  formerDecisions: d.formerDecisions as FormerDecision[],
});

/**
 * The provincial office issues the proposed decision: the merged unit is recognised on its former
 * units' decisions, without a new appraisal. Refused (422) when the rule does not propose it; the
 * same command id answers the first decision again; a number already used that year is a 409.
 */
export async function issueMergerRecognition(db: Db, unitCode: string, body: MergerRecognitionBody, by: RecordedBy): Promise<{ created: boolean; decision: MergerDecisionView }> {
  const previous = await db.mergerDecision.findUnique({ where: { id: body.commandId } });
  if (previous) {
    if (previous.unitCode !== unitCode || previous.trackCode !== body.trackCode || previous.number !== body.number) {
      throw new HttpProblem('conflict', `Mã lệnh "${body.commandId}" đã được dùng cho một quyết định khác.`);
    }
    return { created: false, decision: toView(previous) };
  }
  const proposal = await readMergerProposal(db, unitCode, body.trackCode);
  if (!proposal.proposed || proposal.mergedOn === null) {
    throw new HttpProblem(
      'unprocessable',
      'Đơn vị chưa đủ điều kiện được công nhận theo các xã trước sáp nhập; hồ sơ phải đi theo quy trình thẩm định.',
      proposal.reasons.map((r) => ({ location: r.unitCode === null ? 'unit' : `formerUnits.${r.unitCode}`, message: r.message })),
    );
  }
  const unit = await db.administrativeUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const form = await db.decisionForm.findUnique({ where: { provinceCode_trackCode: { provinceCode: unit.provinceCode, trackCode: body.trackCode } } });
  if (form && body.signerTitle !== form.headTitle && body.signerTitle !== form.deputyTitle) {
    throw new HttpProblem('unprocessable', `Chức danh người ký phải là "${form.headTitle}" hoặc "${form.deputyTitle}".`, [{ location: 'body.signerTitle', message: 'chức danh người ký không đúng mẫu quyết định của tỉnh' }]);
  }
  const signedYear = Number(body.date.slice(0, 4));
  const used = await db.decision.findFirst({ where: { provinceCode: unit.provinceCode, signedYear, number: body.number }, select: { id: true } });
  if (used) throw new HttpProblem('conflict', `Số quyết định ${body.number} đã được dùng trong năm ${signedYear}.`);
  const created = await db.$transaction(async (tx) => {
    const decision = await tx.mergerDecision.create({
      data: {
        id: body.commandId,
        provinceCode: unit.provinceCode,
        unitCode,
        trackCode: body.trackCode,
        number: body.number,
        signedOn: new Date(body.date),
        signedYear,
        signer: body.signer,
        signerTitle: body.signerTitle,
        mergedOn: new Date(proposal.mergedOn ?? body.date),
        formerDecisions: proposal.formerDecisions,
        issuedBy: by.actor,
      },
    });
    await tx.recognition.create({ data: { unitCode, trackCode: body.trackCode, year: signedYear, decisionId: decision.id, status: 'active' } });
    await appendAudit(tx, { ...by, unitCode, dossierId: null, command: 'recognition.merged', summary: { before: null, after: { number: body.number, trackCode: body.trackCode, formerDecisions: proposal.formerDecisions.map((d) => d.decisionId) } } });
    return decision;
  }).catch((e: unknown) => {
    if (e instanceof Error && 'code' in e && e.code === 'P2002') throw new HttpProblem('conflict', `Số quyết định ${body.number} đã được dùng trong năm ${signedYear}.`);
    throw e;
  });
  return { created: true, decision: toView(created) };
}
