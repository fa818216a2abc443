import { ApplicationFailure } from '@temporalio/workflow';
import type { HandleCommand } from './commands.js';
import { dossierFailureTypes, HistoryEvent, recordAppraisalUpdate, type AppraisalCommand, type AppraisalTaskState } from '@ntm/contracts';
import { endOfVietnamDay, rollUpAppraisals, type AppraisalVerdict } from '@ntm/domain';

// The appraisal machinery a recognition dossier and a yearly re-check share: one task per
// department for its criteria in each round, verdicts checked against the task, a round closed
// when its last task closes, and reminders and escalation of the open tasks.

export function failure(type: string, message: string, details?: unknown): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, ...(details === undefined ? {} : { details: [details] }) });
}

type Appraisers = ReadonlyArray<{ departmentCode: string; criterionCodes: readonly string[] }>;

/** A new round's tasks: one per department for those of its criteria in `criteria`. */
export function roundTasks(appraisers: Appraisers, criteria: readonly string[], round: number, dueDate: string, openedAt: number): AppraisalTaskState[] {
  return appraisers
    .map((a) => ({ departmentCode: a.departmentCode, criterionCodes: a.criterionCodes.filter((c) => criteria.includes(c)) }))
    .filter((t) => t.criterionCodes.length > 0)
    .map((t) => ({ ...t, round, dueDate, verdicts: {}, closed: false, openedAt, remindersSent: 0, escalated: false }));
}

/** The criteria's rolled-up verdicts over a round's tasks. */
export function roundResults(tasks: readonly AppraisalTaskState[]): Record<string, AppraisalVerdict> {
  const criteria = [...new Set(tasks.flatMap((t) => t.criterionCodes))];
  return Object.fromEntries(criteria.map((c) => [c, rollUpAppraisals(tasks.filter((t) => t.criterionCodes.includes(c)).map((t) => t.verdicts[c]?.verdict ?? 'pending'))]));
}

/** Where the appraisal machinery keeps its tasks, and what the dossier or re-check does around it. */
export interface AppraisalHost {
  tasks(): AppraisalTaskState[];
  round(): number;
  stage(): string;
  /** Checks the sender and the stage; throws the failure the caller gets. */
  requireAllowed(command: AppraisalCommand): void;
  saveVerdict(round: number, command: AppraisalCommand): Promise<void>;
  closeTask(round: number, departmentCode: string): Promise<void>;
  finishRound(roundTasks: AppraisalTaskState[]): Promise<void>;
}


/** Department verdicts: each task closes with its last criterion; the round's last task finishes the round. */
export function registerAppraisalVerdicts(handleCommand: HandleCommand, host: AppraisalHost): void {
  const openTask = (departmentCode: string) => host.tasks().find((t) => t.round === host.round() && t.departmentCode === departmentCode);
  handleCommand(
    recordAppraisalUpdate,
    async (command: AppraisalCommand) => {
      await host.saveVerdict(host.round(), command);
      const task = openTask(command.departmentCode);
      if (!task) return { taskClosed: false, stage: host.stage() };
      task.verdicts[command.criterionCode] = { verdict: command.verdict, reason: command.reason };
      // Decided synchronously, so only the handler that closes the round's last task finishes it.
      const taskClosed = task.criterionCodes.every((c) => task.verdicts[c] !== undefined);
      task.closed = taskClosed;
      const tasks = host.tasks().filter((t) => t.round === host.round());
      const roundDone = taskClosed && tasks.every((t) => t.closed);
      if (taskClosed) await host.closeTask(host.round(), command.departmentCode);
      if (roundDone) await host.finishRound(tasks);
      return { taskClosed, stage: host.stage() };
    },
    (command: AppraisalCommand) => {
      host.requireAllowed(command);
      const task = openTask(command.departmentCode);
      if (!task) {
        throw failure(dossierFailureTypes.notAssigned, `Sở/phòng "${command.departmentCode}" không có nhiệm vụ thẩm định nào trong vòng này của hồ sơ.`);
      }
      if (!task.criterionCodes.includes(command.criterionCode)) {
        throw failure(dossierFailureTypes.notAssigned, `Tiêu chí "${command.criterionCode}" không được giao cho "${command.departmentCode}" thẩm định.`);
      }
      if (task.closed) throw failure(dossierFailureTypes.taskClosed, `Nhiệm vụ thẩm định của "${command.departmentCode}" đã kết thúc.`);
    },
  );
}

const day = 24 * 60 * 60 * 1000;

export type TaskAlarm = { kind: 'reminder' | 'escalation'; task: AppraisalTaskState; at: number };

/** The next reminder or escalation of each open task of the round: reminders every `every` days from its opening, escalation when its due date ends. */
export function taskAlarms(tasks: readonly AppraisalTaskState[], round: number, every: number | null): TaskAlarm[] {
  return tasks
    .filter((t) => t.round === round && !t.closed && !t.escalated)
    .map((task) => {
      // A deadline ends with its due date in Vietnam.
      const end = endOfVietnamDay(task.dueDate);
      const reminder = every === null ? Infinity : task.openedAt + (task.remindersSent + 1) * every * day;
      return reminder < end ? { task, kind: 'reminder' as const, at: reminder } : { task, kind: 'escalation' as const, at: end };
    });
}

/** Marks the alarm on its task and answers the history entry that records it. */
export function fireTaskAlarm(alarm: TaskAlarm, escalatedTo: string[]): { eventId: string; type: HistoryEvent; payload: Record<string, string | number | string[]> } {
  const { task, kind } = alarm;
  const base = `appraisal/round-${task.round}/${task.departmentCode}`;
  if (kind === 'reminder') {
    task.remindersSent += 1;
    return { eventId: `${base}/reminder-${task.remindersSent}`, type: HistoryEvent.appraisalReminder, payload: { round: task.round, departmentCode: task.departmentCode, dueDate: task.dueDate, reminder: task.remindersSent } };
  }
  task.escalated = true;
  return {
    eventId: `${base}/escalated`,
    type: HistoryEvent.appraisalEscalated,
    payload: { round: task.round, departmentCode: task.departmentCode, dueDate: task.dueDate, criterionCodes: task.criterionCodes.filter((c) => task.verdicts[c] === undefined), escalatedTo },
  };
}
