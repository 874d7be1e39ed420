import { useEffect, useState } from 'react'
import { nextLaunchStep, type LaunchStep } from '../services/launch'
import { locateNearestCity } from '../services/location'
import { openCityPicker } from '../services/navigation'
import { setCurrentCity, useCityStore } from '../stores/city-store'
import { selectConsentStatus, useConsentStore } from '../stores/consent-store'

// Once per app run: coming back from the picker without choosing must not reopen it.
let attempted = false
// Once location has failed, the citizen picks a city themselves: the home page
// must offer 选择城市 (also after a remount) instead of waiting for a location
// that will not come.
let locationFailed = false

/**
 * Runs the first-launch flow on the home page: privacy notice → (with
 * consent) location → nearest city, or the city picker when location is
 * refused, fails or consent was refused. A remembered city skips it. When
 * location failed the step is 'pick-city', so closing the picker without a
 * choice leaves the home page asking for a city, never waiting.
 */
export function useLaunchFlow(): { step: LaunchStep; locating: boolean } {
  const consent = useConsentStore(selectConsentStatus)
  const city = useCityStore((s) => s.current)
  const [failed, setFailed] = useState(locationFailed)
  const planned = nextLaunchStep(consent, city)
  const step: LaunchStep = planned === 'locate' && failed ? 'pick-city' : planned
  const [locating, setLocating] = useState(false)

  useEffect(() => {
    if (attempted || (step !== 'locate' && step !== 'pick-city')) return
    attempted = true
    if (step === 'pick-city') {
      openCityPicker()
      return
    }
    setLocating(true)
    locateNearestCity()
      .then((found) => setCurrentCity(found, 'location'))
      .catch(() => {
        locationFailed = true
        setFailed(true)
        openCityPicker()
      })
      .finally(() => setLocating(false))
  }, [step])

  return { step, locating }
}
