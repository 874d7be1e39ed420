import type { Agency } from '../agencies/service'
import type { ServiceManifest } from './manifest-schema'
import type { ManifestProblem } from './validate-manifest'

/**
 * Where an agency may list (02-services.md): only in its allowed domains and
 * inside its region. A city agency lists for its city; a province agency for
 * its province or any of its cities; a national agency anywhere.
 */
export function listingScopeProblems(agency: Agency, manifest: ServiceManifest): ManifestProblem[] {
  const problems: ManifestProblem[] = []
  if (!(agency.domains as string[]).includes(manifest.domain)) {
    problems.push({
      path: 'domain',
      message: `agency ${agency.id} may list only in ${agency.domains.join(', ')} / 本机构只能在 ${agency.domains.join('、')} 领域上架服务`,
    })
  }
  const { coverage } = manifest
  const region = agency.region
  const inside =
    region === 'national' ||
    (region.length === 2 && coverage.level !== 'national' && coverage.code.startsWith(region)) ||
    (region.length === 6 && coverage.level === 'city' && coverage.code === region)
  if (!inside) {
    problems.push({
      path: coverage.level === 'national' ? 'coverage.level' : 'coverage.code',
      message: `agency ${agency.id} may list only inside its region ${region} / 只能在本机构所辖地区（${region}）上架服务`,
    })
  }
  return problems
}
