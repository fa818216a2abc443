import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AppraisalCommand, AttachDocumentCommand, AttestationCommand, ConfirmationCommand, DecisionCommand, PostingCommand, SatisfactionCommand, DossierWorkflowState, SelfAssessmentCommand, SubmitCommand } from './dossier.js';

// Message definitions of the dossier workflow: imported by the workflow and by the API client.
export const openDossierUpdate = defineUpdate<{ dossierId: string; trackingCode: string }>('openDossier');
export const recordSelfAssessmentUpdate = defineUpdate<{ criterionCode: string }, [SelfAssessmentCommand]>('recordSelfAssessment');
export const attachDocumentUpdate = defineUpdate<{ documentCode: string }, [AttachDocumentCommand]>('attachDocument');
export const submitDossierUpdate = defineUpdate<{ stage: string }, [SubmitCommand]>('submitDossier');
export const dossierStateQuery = defineQuery<DossierWorkflowState>('dossierState');
export const recordAppraisalUpdate = defineUpdate<{ taskClosed: boolean; stage: string }, [AppraisalCommand]>('recordAppraisal');
export const districtConfirmationUpdate = defineUpdate<{ stage: string }, [ConfirmationCommand]>('districtConfirmation');
export const decideDossierUpdate = defineUpdate<{ stage: string; decisionId: string }, [DecisionCommand]>('decideDossier');
export const recordPostingUpdate = defineUpdate<{ endsOn: string }, [PostingCommand]>('recordPosting');
export const recordSatisfactionUpdate = defineUpdate<{ percent: number }, [SatisfactionCommand]>('recordSatisfaction');
export const recordAttestationUpdate = defineUpdate<{ kind: string }, [AttestationCommand]>('recordAttestation');
