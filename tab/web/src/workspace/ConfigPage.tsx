import { Body1, Title2 } from '@fluentui/react-components';

// Placeholder until this page's feature lands; replaced by its owner.
export default function ConfigPage() {
  return (
    <main className="page">
      <Title2 as="h1">ConfigPage</Title2>
      <Body1 as="p">Not built yet.</Body1>
    </main>
  );
}
