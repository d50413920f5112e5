import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSoapRequest, responseEnvelope, errorMessage } from '../../../sim/exchange/soap/envelope.ts';
import { EwsFault, soapFaultXml } from '../../../sim/exchange/soap/fault.ts';
import { checkRequestVersion } from '../../../sim/exchange/soap/server-version.ts';
import { child, NS, parseXml, tag, textTag, XmlParseError } from '../../../sim/exchange/soap/xml.ts';

const CAPTURES = fileURLToPath(new URL('../../fixtures/ews-captures', import.meta.url));

describe('xml reader', () => {
  it('matches by namespace URI, not by prefix', () => {
    const a = parseXml(`<x:Root xmlns:x="urn:a"><x:Item k="1">v</x:Item></x:Root>`);
    const b = parseXml(`<Root xmlns="urn:a"><Item k="1">v</Item></Root>`);
    for (const root of [a, b]) {
      expect(child(root, 'urn:a', 'Item')?.text).toBe('v');
      expect(child(root, 'urn:a', 'Item')?.attrs['k']).toBe('1');
      expect(child(root, 'urn:b', 'Item')).toBeUndefined();
    }
  });

  it('rejects a raw ampersand with line and column', () => {
    let caught: unknown;
    try {
      parseXml('<a>\n<b>Fish & Chips</b></a>');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XmlParseError);
    expect((caught as XmlParseError).line).toBe(2);
    expect((caught as XmlParseError).column).toBeGreaterThan(5);
  });

  it('decodes entities and escapes on write', () => {
    expect(parseXml('<a>Fish &amp; &lt;Chips&gt;</a>').text).toBe('Fish & <Chips>');
    expect(textTag('t:S', `a&b<c>"d"`)).toBe('<t:S>a&amp;b&lt;c&gt;&quot;d&quot;</t:S>');
    expect(tag('t:X', { Id: 'a"&' })).toBe('<t:X Id="a&quot;&amp;"/>');
  });
});

describe('SOAP envelope', () => {
  it('reads version, impersonation, time zone and operation from a captured request', () => {
    const req = parseSoapRequest(readFileSync(`${CAPTURES}/10-CreateItem-appointment.xml`, 'utf8'));
    expect(req.requestServerVersion).toBe('Exchange2013_SP1');
    expect(req.impersonation).toEqual({ kind: 'SmtpAddress', value: 'rep@example.com' });
    expect(req.timeZone?.id).toBe('Greenwich Standard Time');
    expect(req.operation.name).toBe('CreateItem');
    expect(req.operation.ns).toBe(NS.messages);
  });

  it('turns malformed XML into ErrorSchemaValidation', () => {
    const bad = readFileSync(`${CAPTURES}/09-CreateItem-contact.xml`, 'utf8').replace('Acme', 'Fish & Chips');
    try {
      parseSoapRequest(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EwsFault);
      expect((e as EwsFault).spec.responseCode).toBe('ErrorSchemaValidation');
      expect((e as EwsFault).spec.messageXmlRaw).toContain('<t:LineNumber>1</t:LineNumber>');
    }
  });

  it('rejects an impersonation header without a usable id', () => {
    const body = `<s:Envelope xmlns:s="${NS.soap}" xmlns:t="${NS.types}" xmlns:m="${NS.messages}"><s:Header><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress> </t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></s:Header><s:Body><m:GetFolder/></s:Body></s:Envelope>`;
    expect(() => parseSoapRequest(body)).toThrow(/ErrorInvalidExchangeImpersonationHeaderData/);
  });

  it('writes a fault byte-compatible with the captured ErrorServerBusy fault', () => {
    const captured = readFileSync(`${CAPTURES}/resp-ErrorServerBusy-soapfault.xml`, 'utf8');
    const ours = soapFaultXml({
      responseCode: 'ErrorServerBusy',
      message: 'The server cannot service this request right now. Try again later.',
      details: { BackOffMilliseconds: 297749 },
    });
    expect(ours).toBe(captured);
  });

  it('writes ResponseMessage errors like the captured ErrorServerBusy message', () => {
    const captured = readFileSync(`${CAPTURES}/resp-ErrorServerBusy-responsemessage.xml`, 'utf8');
    const ours = responseEnvelope(
      'FindItem',
      { majorVersion: 15, minorVersion: 1, majorBuildNumber: 2507, minorBuildNumber: 6, version: 'V2017_07_11' },
      errorMessage('FindItem', {
        responseCode: 'ErrorServerBusy',
        message: 'The server cannot service this request right now. Try again later.',
        details: { BackOffMilliseconds: 5000 },
      }),
    );
    expect(ours).toBe(captured);
  });

  it('accepts request versions up to the server schema only', () => {
    expect(checkRequestVersion('Exchange2013_SP1', 'Exchange2013_SP1').ok).toBe(true);
    expect(checkRequestVersion('Exchange2013_SP1', 'Exchange2016').ok).toBe(false);
    expect(checkRequestVersion('Exchange2010', 'Exchange2013_SP1').ok).toBe(false);
    expect(checkRequestVersion('ExchangeOnline', 'V2018_01_08').ok).toBe(true);
    expect(checkRequestVersion('Exchange2019', 'Bogus').ok).toBe(false);
  });
});
