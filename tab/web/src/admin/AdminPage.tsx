import { Body1, Title2 } from '@fluentui/react-components';

// Placeholder until this page's feature lands; replaced by its owner.
export default function AdminPage() {
  return (
    <main className="page">
      <Title2 as="h1">AdminPage</Title2>
      <Body1 as="p">Not built yet.</Body1>
    </main>
  );
}
