/**
 * 办事记录 as the other modules use it: a service adds the record of what the
 * citizen did and moves its status as the payment or booking goes on. The
 * rules (one record per ref, no PII in `what`) live with the SQL.
 */
export { type NewRecord, type RecordCase, addRecord, findRecordCase, listRecords, setRecordStatus } from './records-repository'
