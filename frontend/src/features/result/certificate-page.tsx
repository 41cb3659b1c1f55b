import { PageHeading } from '../../lib/ui/page-heading';
import { CertificateSection } from './certificate-section';
import { t } from './messages';

/**
 * The participant's personal certificate page (`#/certificate/{attemptId}/{token}`): the link
 * the result page gives them to keep, since the device forgets the token when the tab closes.
 * The token stays in the address's fragment, which browsers never send to a server.
 */
export function CertificatePage(props: { attemptId: string; token: string }) {
  return (
    <>
      <PageHeading title={t('certificatePage')}>{t('certificatePage')}</PageHeading>
      <CertificateSection attemptId={props.attemptId} token={props.token} />
    </>
  );
}
