import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** The only answer to someone who is not a member: no hint whether the application exists. */
export function NoAccess() {
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        <MessageBarTitle>You don't have access to this workspace</MessageBarTitle>
        <Body1>Only the PCN's practices and the training hub's reviewers can open it. If you think you should, ask someone in the PCN to add you.</Body1>
      </MessageBarBody>
    </MessageBar>
  );
}
