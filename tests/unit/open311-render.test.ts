import { describe, expect, it } from 'vitest';
import { escapeXml, splitFormat, toXml } from '../../api/open311/render';

describe('GeoReport v2 XML', () => {
  it('escapes markup and drops what XML cannot carry', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
    expect(escapeXml('a\u0000b\u001Bc\td\ne\uFFFEf\uD800g')).toBe('abc\td\nefg');
    expect(escapeXml('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('names each entry of a list as GeoReport v2 does, and writes null as an empty element', () => {
    expect(toXml('services', [{ service_code: 'asb', metadata: true }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>asb</service_code><metadata>true</metadata></service></services>\n',
    );
    expect(toXml('errors', [{ code: 400, description: 'a < b' }])).toContain('<errors><error><code>400</code><description>a &lt; b</description></error></errors>');
    expect(toXml('service_requests', [{ service_request_id: 'ASB-2345-6789', account_id: null }])).toContain(
      '<service_requests><request><service_request_id>ASB-2345-6789</service_request_id><account_id/></request></service_requests>',
    );
  });

  it('reads the format from the extension, and only json or xml', () => {
    expect(splitFormat('ASB-2345-6789.json')).toEqual({ name: 'ASB-2345-6789', format: 'json' });
    expect(splitFormat('services.xml')).toEqual({ name: 'services', format: 'xml' });
    expect(splitFormat('services.html')).toBeUndefined();
    expect(splitFormat('.json')).toBeUndefined();
  });
});
