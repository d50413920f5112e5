/**
 * @module
 * The `exchange.admin` step's arguments: one tenant admin change, as the Exchange sim's admin actions take them
 * (sim/exchange/actions/admin-actions.ts).
 */
import { z } from 'zod';

const MailboxAddress = z.string().min(1).meta({ description: 'Mailbox address from world.exchange.mailboxes[].address (or one an earlier step added)' });

/**
 * Directory fields an admin can change on a mailbox (not its items). Fresh schemas rather than picks of the world's:
 * shared sub-schemas would make the editor JSON Schema a maze of $refs.
 */
const mailboxFields = () => ({
  displayName: z.string().optional(),
  department: z.string().optional(),
  office: z.string().optional(),
  company: z.string().optional(),
  customAttributes: z.record(z.enum(['customAttribute1', 'customAttribute2', 'customAttribute3', 'customAttribute4', 'customAttribute5']), z.string()).optional(),
  password: z.string().optional(),
  version: z.enum(['Exchange2010', 'Exchange2013_SP1', 'Exchange2016', 'Exchange2019', 'ExchangeOnline']).optional(),
  location: z.enum(['on-premises', 'online']).optional(),
});
export const ExchangeAdminStep = z
  .union([
    z.strictObject({ grantConsent: z.strictObject({ clientId: z.string().min(1), grantedBy: z.string().min(1) }) }),
    z.strictObject({ revokeConsent: z.strictObject({ clientId: z.string().min(1) }) }),
    z.strictObject({ addMailbox: z.strictObject({ address: z.string().min(3), ...mailboxFields() }) }),
    z.strictObject({ updateMailbox: z.strictObject({ mailbox: MailboxAddress, set: z.strictObject(mailboxFields()) }) }),
    z.strictObject({ removeMailbox: MailboxAddress }),
    z.strictObject({
      updateServiceAccount: z.strictObject({
        username: z.string().min(1),
        set: z.strictObject({
          password: z.string().optional(),
          impersonation: z.strictObject({ scopeName: z.string().optional(), recipientFilter: z.string().optional() }).nullable().optional(),
        }),
      }),
    }),
    z.strictObject({
      updateTenant: z.strictObject({
        version: z.enum(['Exchange2010', 'Exchange2013_SP1', 'Exchange2016', 'Exchange2019', 'ExchangeOnline']).optional(),
        hybrid: z.boolean().optional(),
        auth: z.strictObject({ basic: z.boolean().optional(), ntlm: z.boolean().optional(), oauth: z.boolean().optional(), basicRetired: z.boolean().optional() }).optional(),
        userNameForms: z.array(z.enum(['upn', 'downlevel'])).optional(),
        cloud: z.enum(['global', 'usgov', 'china', 'germany']).optional(),
        maxConcurrency: z.number().int().positive().optional(),
      }),
    }),
  ])
  .meta({
    description:
      'A tenant admin change in Exchange, one key: revokeConsent / grantConsent (CONN-05), updateMailbox (department → impersonation scope: CONN-04; version: CONN-06), addMailbox, removeMailbox, updateServiceAccount (password, impersonation: null), updateTenant (e.g. auth.basicRetired: CONN-08)',
  });
