/**
 * @module
 * The extended properties the engine and the Exchange world agree on. COPIED from sim/exchange/world.ts
 * (EXTENDED_PROPERTIES) on purpose: src/sync never imports sim/ — the engine must be able to run against a real server,
 * where these are ordinary MAPI named properties in synclab's own property set.
 */
import { ExtendedPropertyDefinition, Guid, MapiPropertyType, type Item } from 'ews-javascript-api';
import { escapeXmlText } from './xml-text.ts';

export const SYNCLAB_PROPERTY_SET_ID = '8c1a6c5e-5f2b-4d0e-9a55-53796e636c61';

const guid = new Guid(SYNCLAB_PROPERTY_SET_ID);

export const EXTENDED = {
  /** The Outlook integration's "logged to Salesforce" marker (CFG-04), set by the rep. */
  loggedToSalesforce: new ExtendedPropertyDefinition(guid, 'SalesforceLogged', MapiPropertyType.Boolean),
  /** 18-char id of the org whose engine wrote the item: the ORG-01 collision stamp. */
  salesforceOrgId: new ExtendedPropertyDefinition(guid, 'SalesforceOrgId', MapiPropertyType.String),
  /** Id of the Salesforce record the item is paired with: lets a restart reconcile a create (G-05). */
  salesforceRecordId: new ExtendedPropertyDefinition(guid, 'SalesforceRecordId', MapiPropertyType.String),
} as const;

export interface ExtendedValues {
  loggedToSalesforce: boolean;
  stampedOrgId?: string;
  stampedRecordId?: string;
}

export function readExtended(item: Item): ExtendedValues {
  const out: ExtendedValues = { loggedToSalesforce: false };
  let collection;
  try {
    collection = item.ExtendedProperties;
  } catch {
    return out; // not requested / not returned
  }
  for (const property of collection?.GetEnumerator?.() ?? []) {
    const name = property.PropertyDefinition?.Name;
    const value = property.Value as unknown;
    if (name === 'SalesforceLogged') out.loggedToSalesforce = value === true || String(value).toLowerCase() === 'true';
    else if (name === 'SalesforceOrgId' && value) out.stampedOrgId = String(value);
    else if (name === 'SalesforceRecordId' && value) out.stampedRecordId = String(value);
  }
  return out;
}

export function stampItem(item: Item, stamp: { orgId: string; recordId: string }): void {
  item.SetExtendedProperty(EXTENDED.salesforceOrgId, escapeXmlText(stamp.orgId));
  item.SetExtendedProperty(EXTENDED.salesforceRecordId, escapeXmlText(stamp.recordId));
}
