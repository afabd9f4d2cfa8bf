import { TokenAdmin } from '@/components/admin/token-admin';

export const metadata = { title: 'Access tokens · Headroom' };

export default function TokensPage() {
  return <TokenAdmin />;
}
