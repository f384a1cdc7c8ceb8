import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/domain/library';
import { apiClient } from '../lib/api-client';

export function App() {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    void apiClient.call('documents:list', {}).then(setDocuments);
  }, []);
  return (
    <main>
      <h1>研读 Yandu</h1>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>{d.title}</li>
        ))}
      </ul>
    </main>
  );
}
