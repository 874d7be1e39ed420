import type { BillT, UtilityAccountT } from '../../src/api/utilities'

export const PROVIDERS = {
  providers: [
    { id: 'water', kind: 'water' as const, name: '德阳市自来水有限公司', unit: '吨' as const, prepaid: false },
    { id: 'electricity', kind: 'electricity' as const, name: '国网德阳供电公司', unit: '千瓦时' as const, prepaid: true },
    { id: 'gas', kind: 'gas' as const, name: '德阳市燃气有限公司', unit: '立方米' as const, prepaid: false },
  ],
}

export const ACCOUNT: UtilityAccountT = {
  id: '00000000-0000-4000-8000-000000000011',
  serviceId: 'deyang-utilities',
  providerId: 'water',
  providerKind: 'water',
  providerName: '德阳市自来水有限公司',
  accountNo: '******2345',
  holderName: '*伟',
  address: '德阳市城区人民路****',
  prepaid: false,
  createdAt: '2026-11-20T02:00:00.000Z',
}

export const CHECK = { ...ACCOUNT, accountKind: 'residential' as const, providerKind: 'water' as const }

const bill = (month: string, status: 'paid' | 'unpaid', amountFen: number, lateFeeFen = 0): BillT => ({
  id: `B${month.replace('-', '')}abcdef0123`,
  month,
  usage: Math.round(amountFen / 365),
  unit: '吨',
  amountFen,
  dueDate: `${month}-20`,
  status,
  lateFeeFen,
  ...(status === 'paid' ? { paidAt: `${month}-15T10:00:00+08:00` } : {}),
})

export const BILLS = [bill('2026-10', 'unpaid', 4_380), bill('2026-09', 'unpaid', 5_110, 153), bill('2026-08', 'paid', 5_475), bill('2025-12', 'paid', 3_285)]

export const utilityBills = (bills: BillT[] = BILLS) => {
  const unpaid = bills.filter((b) => b.status === 'unpaid')
  const unpaidAmountFen = unpaid.reduce((s, b) => s + b.amountFen, 0)
  const lateFeeFen = unpaid.reduce((s, b) => s + b.lateFeeFen, 0)
  return { account: ACCOUNT, bills, summary: { unpaidCount: unpaid.length, unpaidAmountFen, lateFeeFen, totalDueFen: unpaidAmountFen + lateFeeFen } }
}
