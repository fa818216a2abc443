import { describe, expect, it } from 'vitest';
import { commands, commandTargetKind, type Actor, type DossierScope } from './authorization.js';
import { availableCommands, commandStageKind, dossierCommands, stageAllows } from './command-stages.js';

const scope: DossierScope = {
  unitChain: ['12', '110', '110-03628'],
  unitLevel: 'commune',
  decidingLevel: 'province',
  selfAssessmentLevel: 'commune',
  appraisers: [
    { departmentCode: 'SXD', criterionCodes: ['C01', 'C09'] },
    { departmentCode: 'SGTVT', criterionCodes: ['C02'] },
  ],
};
const actor = (grants: Actor['grants']): Actor => ({ id: 'u', grants });
const phaMu = actor([{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }]);
const sxd = actor([{ role: 'department_officer', unitCode: '12', departmentCode: 'SXD' }]);
const thanUyen = actor([{ role: 'district_officer', unitCode: '110', departmentCode: null }]);
const province = actor([{ role: 'provincial_office', unitCode: '12', departmentCode: null }]);
const at = (kind: 'self_assessment' | 'appraisal' | 'confirmation' | 'decision' | null, code = 'X') => ({ code, kind });

describe('what a person may do on a dossier now (authorization table × stage)', () => {
  it('names a stage for every command on a dossier, and for nothing else', () => {
    const onDossiers = commands.filter((c) => commandTargetKind[c] === 'dossier');
    expect(Object.keys(commandStageKind).sort()).toEqual([...onDossiers].sort());
    expect([...dossierCommands].sort()).toEqual([...onDossiers].sort());
  });

  it('lets the commune edit, upload and submit only in the self-assessment, and read always', () => {
    expect(availableCommands(phaMu, scope, at('self_assessment')).commands).toEqual(['dossier.read', 'dossier.edit', 'dossier.submit', 'evidence.upload', 'evidence.read', 'evidence.delete']);
    expect(availableCommands(phaMu, scope, at('appraisal')).commands).toEqual(['dossier.read', 'evidence.read']);
  });

  it('gives a department its own assigned criteria during the appraisal, none before', () => {
    expect(availableCommands(sxd, scope, at('appraisal'))).toEqual({ commands: ['dossier.read', 'evidence.read', 'appraisal.record'], appraisals: [{ departmentCode: 'SXD', criterionCodes: ['C01', 'C09'] }] });
    expect(availableCommands(sxd, scope, at('self_assessment'))).toEqual({ commands: ['dossier.read', 'evidence.read'], appraisals: [] });
  });

  it('lets the district confirm at the confirmation and the province decide at the decision, each at its own level', () => {
    expect(availableCommands(thanUyen, scope, at('confirmation')).commands).toContain('confirmation.decide');
    // The province decides this dossier: the district may not, even at the decision stage.
    expect(availableCommands(thanUyen, scope, at('decision')).commands).not.toContain('decision.decide');
    expect(availableCommands(province, scope, at('decision')).commands).toContain('decision.decide');
    expect(availableCommands(province, scope, at('confirmation')).commands).not.toContain('decision.decide');
  });

  it('takes a revocation only once the dossier is recognised', () => {
    expect(stageAllows('recognition.revoke', at(null, 'RECOGNISED'))).toBe(true);
    expect(stageAllows('recognition.revoke', at('decision'))).toBe(false);
    expect(availableCommands(province, scope, at(null, 'RECOGNISED')).commands).toEqual(['dossier.read', 'evidence.read', 'recognition.revoke']);
  });

  it('gives someone outside the dossier\'s scope nothing', () => {
    const sonBinh = actor([{ role: 'commune_officer', unitCode: '106-03413', departmentCode: null }]);
    expect(availableCommands(sonBinh, scope, at('self_assessment'))).toEqual({ commands: [], appraisals: [] });
  });
});
