/**
 * @module
 * ResolveNames: resolves a name or SMTP address against the tenant's mailboxes (the GAL) and the acting mailbox's
 * contacts. One match → Success; several → Warning ErrorNameResolutionMultipleResults; none → ErrorNameResolutionNoResults.
 */
import { errorMessage } from '../soap/envelope.ts';
import { child, NS, tag, textTag } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { OperationHandler } from './context.ts';

interface Candidate {
  name: string;
  address: string;
  type: 'Mailbox' | 'Contact';
}

export const resolveNames: OperationHandler = (op, ctx) => {
  const entry = child(op, NS.messages, 'UnresolvedEntry')?.text.trim();
  if (!entry) throw new StoreError('ErrorNameResolutionNoResults', 'UnresolvedEntry is empty.');
  const needle = entry.toLowerCase().replace(/^smtp:/, '');
  const candidates: Candidate[] = [];
  for (const m of ctx.store.mailboxes()) candidates.push({ name: m.displayName, address: m.address, type: 'Mailbox' });
  for (const item of ctx.store.allItems(ctx.mailbox.address)) {
    if (item.kind !== 'Contact') continue;
    const emails = (item.props['EmailAddresses'] as Record<string, string> | undefined) ?? {};
    const name = [item.props['GivenName'], item.props['Surname']].filter(Boolean).join(' ');
    for (const address of Object.values(emails)) candidates.push({ name: (item.props['DisplayName'] as string) ?? name, address, type: 'Contact' });
  }
  const exact = candidates.filter((c) => c.address.toLowerCase() === needle);
  const matches = exact.length
    ? exact
    : candidates.filter((c) => c.name.toLowerCase().startsWith(needle) || c.address.toLowerCase().startsWith(needle));
  if (matches.length === 0) {
    return {
      messages: [errorMessage('ResolveNames', { responseCode: 'ErrorNameResolutionNoResults', message: 'No results were found.' })],
      write: false,
      error: 'ErrorNameResolutionNoResults',
    };
  }
  const set = tag(
    'm:ResolutionSet',
    { TotalItemsInView: matches.length, IncludesLastItemInRange: true },
    matches
      .map((m) =>
        tag('t:Resolution', {}, `<t:Mailbox>${textTag('t:Name', m.name)}${textTag('t:EmailAddress', m.address)}<t:RoutingType>SMTP</t:RoutingType>${textTag('t:MailboxType', m.type)}</t:Mailbox>`),
      )
      .join(''),
  );
  const warning = matches.length > 1;
  const message = warning
    ? `<m:ResolveNamesResponseMessage ResponseClass="Warning"><m:MessageText>Multiple results were found.</m:MessageText><m:ResponseCode>ErrorNameResolutionMultipleResults</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>${set}</m:ResolveNamesResponseMessage>`
    : `<m:ResolveNamesResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>${set}</m:ResolveNamesResponseMessage>`;
  return { messages: [message], write: false, items: matches.length };
};
