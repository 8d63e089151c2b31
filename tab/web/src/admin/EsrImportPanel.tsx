import { Body1 } from '@fluentui/react-components';

// Placeholder until the ESR import lands; replaced by its owner.
export default function EsrImportPanel() {
  return <Body1 as="p">ESR import is not built yet.</Body1>;
}
