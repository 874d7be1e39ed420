/**
 * Thrown when a subject that exists once across the platform (a traffic
 * violation) already has an open or paid payment in another service: the
 * database's unique index decided, so two services racing cannot both open one.
 */
export class SubjectTaken extends Error {
  constructor(readonly subject: string) {
    super(`${subject} already has an open or paid payment in another service`)
    this.name = 'SubjectTaken'
  }
}
