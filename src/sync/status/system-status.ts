/**
 * STAT-01: the system statuses of the seed's Table 1.
 */

export interface SystemFacts {
  serviceAccountUsername?: string | null;
  outlookIntegrationEnabled: boolean;
  /** The engine could log in / get a token with the configured credentials (null = not checked yet). */
  serviceAccountRecognized: boolean | null;
  /** Reps in an active configuration. */
  assignedReps: number;
  /** Of those, reps whose Salesforce email maps to an Exchange mailbox (CONN-03, ORG-03). */
  linkedReps: number;
}

export interface SystemStatus {
  serviceAccountUserName: string;
  outlookIntegrationEnabled: 'Yes' | 'No';
  serviceAccountRecognized: boolean | null;
  linkedUsers: { count: number; verdict: 'expected' | 'unexpected' | 'none' };
}

export function systemStatus(f: SystemFacts): SystemStatus {
  return {
    serviceAccountUserName: f.serviceAccountUsername?.trim() ? f.serviceAccountUsername : 'None',
    outlookIntegrationEnabled: f.outlookIntegrationEnabled ? 'Yes' : 'No',
    serviceAccountRecognized: f.serviceAccountRecognized,
    linkedUsers: {
      count: f.linkedReps,
      verdict: f.linkedReps === 0 ? 'none' : f.linkedReps === f.assignedReps ? 'expected' : 'unexpected',
    },
  };
}
