import { Body1, Title2 } from '@fluentui/react-components';

// Placeholder until this page's feature lands; replaced by its owner.
export default function ReportsPage() {
  return (
    <main className="page">
      <Title2 as="h1">ReportsPage</Title2>
      <Body1 as="p">Not built yet.</Body1>
    </main>
  );
}
