/**
 * @module
 * The contact mapping the bench's ceiling writes and reads with: the engine's default (CON-08), spelled out so the
 * ceiling carries no engine logic.
 */

/** CON-08's default mapping minus Account.Name. */
export const MAPPING: Record<string, string> = {
  FirstName: 'GivenName', LastName: 'Surname', Email: 'EmailAddress1', Title: 'JobTitle', Department: 'Department', Phone: 'BusinessPhone',
  MobilePhone: 'MobilePhone', HomePhone: 'HomePhone', Fax: 'BusinessFax', AssistantName: 'AssistantName', AssistantPhone: 'AssistantPhone',
  Birthdate: 'Birthday', Description: 'Body', MailingStreet: 'BusinessStreet', MailingCity: 'BusinessCity', MailingState: 'BusinessState',
  MailingPostalCode: 'BusinessPostalCode', MailingCountry: 'BusinessCountryOrRegion',
};
export const SF_FIELDS = Object.keys(MAPPING);
export const EX_PROPERTIES = [...Object.values(MAPPING), 'CompanyName'];
