import { DetailList } from '../../../components/detail-list'
import { Section } from '../../../components/section'
import { bookingRuleLines } from '../../../domain/booking-rules'
import type { Hospital } from '../../../services/hospital-api'

/** 预约须知: the campus's release and cancel rules, read before 确认预约 rather than discovered after. */
export function BookingRulesCard({ hospital }: { hospital: Hospital }) {
  return (
    <Section id="booking-rules-title" title="预约须知" className="subpage-card card booking-rules" titleClassName="subpage-heading">
      <DetailList rows={bookingRuleLines(hospital.rules).map((line) => ({ label: line.label, value: line.text }))} />
    </Section>
  )
}
