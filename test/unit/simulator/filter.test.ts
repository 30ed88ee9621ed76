// The OData $filter subset the simulated Graph understands for users.
import { describe, expect, it } from 'vitest';
import { advancedOperators, filterProperties, FilterSyntaxError, matches, parseFilter } from '../../../main/simulator/graph/filter.ts';

const room = {
  userPrincipalName: 'mtr-rainier@contoso.com',
  mailNickname: 'mtr-rainier',
  accountEnabled: true,
  usageLocation: null,
  proxyAddresses: ['SMTP:mtr-rainier@contoso.com', 'smtp:mtr-rainier@contoso.onmicrosoft.com'],
  assignedLicenses: [{ skuId: '4cde982a-ede4-4409-9ae6-b003453c8ea6', disabledPlans: [] }],
};
const test = (filter: string) => matches(parseFilter(filter), room);

describe('$filter', () => {
  it('compares without case, on any property spelling', () => {
    expect(test("userPrincipalName eq 'MTR-RAINIER@contoso.com'")).toBe(true);
    expect(test("userprincipalname eq 'mtr-rainier@contoso.com'")).toBe(true);
    expect(test("mailNickname eq 'mtr-baker'")).toBe(false);
    expect(test('accountEnabled eq true and usageLocation eq null')).toBe(true);
    expect(test("usageLocation ne null or mailNickname in ('a', 'mtr-rainier')")).toBe(true);
    expect(test("startsWith(userPrincipalName, 'mtr-') and not endsWith(mailNickname, 'x')")).toBe(true);
    expect(test("userPrincipalName eq 'it''s'")).toBe(false);
  });

  it('evaluates lambda any() over strings and over objects', () => {
    expect(test("proxyAddresses/any(x:x eq 'smtp:mtr-rainier@contoso.com')")).toBe(true);
    expect(test("proxyAddresses/any(p:startsWith(p, 'smtp:mtr-rainier@contoso.onmicrosoft'))")).toBe(true);
    expect(test("proxyAddresses/any(x:x eq 'smtp:other@contoso.com')")).toBe(false);
    expect(test('assignedLicenses/any(x:x/skuId eq 4cde982a-ede4-4409-9ae6-b003453c8ea6)')).toBe(true);
    expect(test('assignedLicenses/any(x:x/skuId eq 6af4b3d6-14bb-4a2a-960c-6c902aad34f3)')).toBe(false);
    expect(test('assignedLicenses/any()')).toBe(true);
  });

  it('reports the operators Graph treats as advanced and the properties used', () => {
    expect(advancedOperators(parseFilter("userPrincipalName eq 'a' and proxyAddresses/any(x:x eq 'b')"))).toEqual([]);
    expect(advancedOperators(parseFilter("endsWith(mail,'@contoso.com') or not (accountEnabled eq true) or usageLocation ne 'US'"))).toEqual(['endsWith', 'not', 'ne']);
    expect(filterProperties(parseFilter("assignedLicenses/any(x:x/skuId eq 4cde982a-ede4-4409-9ae6-b003453c8ea6) and mail eq 'a'"))).toEqual(['assignedLicenses', 'mail']);
  });

  it('refuses what it cannot read', () => {
    for (const bad of ["userPrincipalName eq 'open", 'userPrincipalName eq', "userPrincipalName like 'x'", "(mail eq 'a'", 'mail eq bareword']) {
      expect(() => parseFilter(bad), bad).toThrow(FilterSyntaxError);
    }
  });
});
