import { describe, expect, it } from 'vitest';
import { soapFaultFor500 } from '../../../src/sync/exchange/stray-rejections.ts';

const URL = 'http://127.0.0.1:1/EWS/Exchange.asmx';

describe('soapFaultFor500: only what ews-javascript-api cannot parse is replaced (client-probe §3.6)', () => {
  it('leaves a real SOAP fault and every non-500 status alone', () => {
    const fault = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>a:ErrorServerBusy</faultcode></s:Fault></s:Body></s:Envelope>';
    expect(soapFaultFor500(500, fault, URL)).toBeUndefined();
    expect(soapFaultFor500(503, 'busy', URL)).toBeUndefined();
    expect(soapFaultFor500(200, 'not soap', URL)).toBeUndefined();
  });

  it('turns plain text, an empty body and a SOAP envelope without a Fault into an ErrorInternalServerError fault', () => {
    for (const body of ['Internal Server Error', '', '<x/>', '<s:Envelope xmlns:s="x"><s:Body/></s:Envelope>']) {
      const fault = soapFaultFor500(500, body, URL);
      expect(fault, JSON.stringify(body)).toContain('<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInternalServerError</e:ResponseCode>');
      expect(fault).toContain(`HTTP 500 from ${URL} without a SOAP fault`);
    }
    expect(soapFaultFor500(500, '', URL)).toContain('empty body');
    expect(soapFaultFor500(500, undefined, URL)).toContain('empty body');
  });

  it('escapes the body it quotes, so the fault stays well-formed XML', () => {
    const fault = soapFaultFor500(500, 'a < b & "c" > d', URL)!;
    expect(fault).toContain('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(fault).not.toContain('a < b');
  });
});
