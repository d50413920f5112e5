/**
 * @module
 * SOAP faults exactly as Exchange writes them (HTTP 500, `a:<ResponseCode>` faultcode, detail with e:ResponseCode,
 * e:Message and optional t:MessageXml), cf. /work/shared/reference/ews-captures/resp-ErrorServerBusy-soapfault.xml.
 * ews-javascript-api turns this into a SoapFaultDetails whose ResponseCode and ErrorDetails the engine reads. A 500
 * without such a body hangs that client, so every error path of the sim ends here or in a ResponseMessage error.
 */
import { escapeXml, NS, tag, textTag } from './xml.ts';

export interface SoapFaultSpec {
  responseCode: string;
  message: string;
  /** Name/value pairs written as <t:Value Name="…"> in MessageXml (e.g. BackOffMilliseconds, SmtpAddress). */
  details?: Record<string, string | number>;
  /** Raw, already-serialized MessageXml children (ErrorSchemaValidation's LineNumber/LinePosition/Violation). */
  messageXmlRaw?: string;
  /** Default 500, as Exchange answers SOAP faults. */
  status?: number;
  headers?: Record<string, string>;
}

/** An error the operation layer throws to answer with a SOAP fault instead of a ResponseMessage. */
export class EwsFault extends Error {
  constructor(readonly spec: SoapFaultSpec) {
    super(`${spec.responseCode}: ${spec.message}`);
    this.name = 'EwsFault';
  }
}

export function soapFaultXml(spec: SoapFaultSpec): string {
  const e = `xmlns:e="${NS.errors}"`;
  let messageXml = '';
  if (spec.details || spec.messageXmlRaw) {
    const values = Object.entries(spec.details ?? {})
      .map(([name, value]) => tag('t:Value', { Name: name }, escapeXml(String(value))))
      .join('');
    messageXml = `<t:MessageXml xmlns:t="${NS.types}">${values}${spec.messageXmlRaw ?? ''}</t:MessageXml>`;
  }
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="${NS.types}">a:${escapeXml(spec.responseCode)}</faultcode>` +
    `<faultstring xml:lang="en-US">${escapeXml(spec.message)}</faultstring>` +
    `<detail><e:ResponseCode ${e}>${escapeXml(spec.responseCode)}</e:ResponseCode>` +
    `<e:Message ${e}>${escapeXml(spec.message)}</e:Message>${messageXml}</detail>` +
    `</s:Fault></s:Body></s:Envelope>`
  );
}

export function soapFaultResponse(spec: SoapFaultSpec): Response {
  return new Response(soapFaultXml(spec), {
    status: spec.status ?? 500,
    headers: { 'content-type': 'text/xml; charset=utf-8', ...spec.headers },
  });
}

/** ErrorSchemaValidation as Exchange answers a request its XML reader rejects (e.g. a raw `&` in a text value). */
export function schemaValidationFault(reason: string, line: number, column: number): SoapFaultSpec {
  return {
    responseCode: 'ErrorSchemaValidation',
    message: `The request failed schema validation: ${reason}`,
    messageXmlRaw:
      textTag('t:LineNumber', line) + textTag('t:LinePosition', column) + textTag('t:Violation', reason),
  };
}

/** Fail closed: anything the sim does not model answers this, never an empty success. */
export function notImplementedFault(what: string): SoapFaultSpec {
  return {
    responseCode: 'ErrorInvalidOperation',
    message: `not implemented by synclab's Exchange sim: ${what}`,
  };
}

export const SERVER_BUSY_MESSAGE = 'The server cannot service this request right now. Try again later.';
