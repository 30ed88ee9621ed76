// Shows a failed call: its message and, per field, what is wrong. Never a stack trace.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Failure } from '../api/client.ts';
import { t } from '../strings/t.ts';

export function FailureMessage({ failure }: { failure: Failure | null | undefined }) {
  if (!failure) return null;
  return (
    <MessageBar intent="error" layout="multiline" className="failure">
      <MessageBarBody>
        <MessageBarTitle>{t('common.error')}</MessageBarTitle>
        {failure.message}
        {failure.issues && failure.issues.length > 0 && (
          <ul className="issue-list">
            {failure.issues.map((issue, index) => (
              <li key={`${issue.field}-${index}`}>{t('common.fieldIssue', { field: issue.field, message: issue.message })}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
