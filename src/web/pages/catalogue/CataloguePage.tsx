import { Anchor, Button, EmptyState, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../auth/MeContext.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useFrameworks } from './catalogue-api.ts';
import { inDisplayOrder } from './catalogue-text.ts';
import { CatalogueBrowser } from './CatalogueBrowser.tsx';
import { ImportFrameworkModal } from './ImportFrameworkModal.tsx';
import { useCatalogueParams } from './useCatalogueParams.ts';

const TITLE = 'Framework catalogue';

function Description() {
  return (
    <Text component="span" inherit>
      ISO/IEC 42001, the EU AI Act, the NIST AI RMF and the GDPR item by item, with guidance, typical evidence, auditor questions and the
      crosswalks between them. Part of{' '}
      <Anchor component={Link} to="/gap-assessment" inherit>
        Gap assessment &amp; SoA
      </Anchor>
      , beside the{' '}
      <Anchor component={Link} to="/assessments" inherit>
        gap assessments
      </Anchor>
      ; the Statement of Applicability is not available yet.
    </Text>
  );
}

function Catalogue({ canManage }: { canManage: boolean }) {
  const nav = useCatalogueParams();
  const frameworks = useFrameworks();
  const [importing, setImporting] = useState(false);

  return (
    <>
      <PageHeader
        title={TITLE}
        description={<Description />}
        actions={
          canManage && (
            <Button variant="default" onClick={() => setImporting(true)}>
              Import custom framework
            </Button>
          )
        }
      />
      {frameworks.isPending && <LoadingState label="Loading the frameworks" />}
      {frameworks.isError && <ErrorState title="The frameworks could not be loaded" error={frameworks.error} onRetry={() => void frameworks.refetch()} />}
      {frameworks.isSuccess && frameworks.data.length === 0 && <EmptyState title="No framework in the catalogue" py="xl" />}
      {frameworks.isSuccess && frameworks.data.length > 0 && <CatalogueBrowser frameworks={inDisplayOrder(frameworks.data)} nav={nav} />}
      {canManage && <ImportFrameworkModal opened={importing} onClose={() => setImporting(false)} onImported={(framework) => nav.selectFramework(framework.id)} />}
    </>
  );
}

/**
 * The frameworks aims assesses against, and the organisation's own. The page reads
 * `me.permissions` only to decide what to show; the server checks every call.
 */
export function CataloguePage() {
  const can = useCan();
  if (!can('frameworks.read')) {
    return (
      <>
        <PageHeader title={TITLE} />
        <NotAllowed what="browse the framework catalogue" permission="frameworks.read" />
      </>
    );
  }
  return <Catalogue canManage={can('frameworks.manage')} />;
}
