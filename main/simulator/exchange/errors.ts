// Exchange Online admin API error answers. A cmdlet failure comes back as
//   {"error":{"code":"BadRequest"|"NotFound","message":"Error executing cmdlet",
//     "details":[{"code":"Context","target":"","message":"<code>|<.NET exception type>|<message>"}],
//     "innererror":{"message":"Error executing cmdlet","type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException"}}}
// which is what the ExchangeOnlineManagement module turns into "Ex6F9304|Microsoft.Exchange...|...".
// Exception types and messages as Exchange writes them (ManagementObjectNotFoundException,
// ADObjectAlreadyExistsException, PropertyValueExistsException, ProxyAddressExistsException,
// MemberAlreadyExistsException; PowerShell's own CommandNotFoundException and
// ParameterBindingException for unknown cmdlets and parameters).
import { jsonResponse, type SimResponse } from '../http.ts';

/** The simulated mailbox server named in "couldn't be found on ..." messages. */
export const EXCHANGE_SERVER = 'SIMPR01A001.PROD.OUTLOOK.COM';

export class CmdletProblem extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly exceptionType: string,
    message: string,
    /** The "Ex..." error id Exchange prefixes some messages with; empty when unknown. */
    readonly errorId = '',
  ) {
    super(message);
  }
}

export const exchangeJson = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function cmdletErrorResponse(problem: CmdletProblem, requestId: string): SimResponse {
  const code = problem.status === 404 ? 'NotFound' : problem.status === 403 ? 'Forbidden' : 'BadRequest';
  return jsonResponse(
    problem.status,
    {
      error: {
        code,
        message: 'Error executing cmdlet',
        details: [{ code: problem.status === 404 ? 'Client' : 'Context', target: '', message: `${problem.errorId}|${problem.exceptionType}|${problem.message}` }],
        innererror: { message: 'Error executing cmdlet', type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException', stacktrace: '' },
      },
    },
    { 'content-type': exchangeJson, 'request-id': requestId },
  );
}

export function serviceErrorResponse(status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}): SimResponse {
  return jsonResponse(status, { error: { code, message } }, { 'content-type': exchangeJson, 'request-id': requestId, ...headers });
}

export const objectNotFound = (identity: string) =>
  new CmdletProblem(404, 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException', `The operation couldn't be performed because object '${identity}' couldn't be found on '${EXCHANGE_SERVER}'.`, 'Ex6F9304');

export const objectAmbiguous = (identity: string) =>
  new CmdletProblem(400, 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException', `The operation couldn't be performed because '${identity}' matches multiple entries.`);

export const nameInUse = (name: string) => new CmdletProblem(400, 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException', `The name "${name}" is already being used. Please try another name.`);

export const propertyValueInUse = (property: string, value: string) =>
  new CmdletProblem(400, 'Microsoft.Exchange.Configuration.ObjectModel.PropertyValueExistsException', `The value "${value}" of property "${property}" is used by another recipient object. Please specify a unique value.`);

export const proxyAddressInUse = (address: string, owner: string) =>
  new CmdletProblem(
    400,
    'Microsoft.Exchange.Configuration.ObjectModel.ProxyAddressExistsException',
    `The proxy address "SMTP:${address}" is already being used by the proxy addresses or LegacyExchangeDN of "${owner}". Please choose another proxy address.`,
  );

export const notAcceptedDomain = (address: string, domain: string) =>
  new CmdletProblem(400, 'Microsoft.Exchange.Data.Directory.Recipient.NotAcceptedDomainException', `The domain "${domain}" of the address "${address}" isn't an accepted domain for your organization.`);

export const parameterBinding = (message: string) => new CmdletProblem(400, 'System.Management.Automation.ParameterBindingException', message);

export const unknownParameter = (name: string) => parameterBinding(`A parameter cannot be found that matches parameter name '${name}'.`);

export const unknownCmdlet = (name: string) =>
  new CmdletProblem(
    400,
    'System.Management.Automation.CommandNotFoundException',
    `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
  );

export const taskError = (message: string) => new CmdletProblem(400, 'Microsoft.Exchange.Configuration.Tasks.TaskException', message);
