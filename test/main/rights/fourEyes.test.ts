import { describe, expect, it } from 'vitest'
import { approvalRefusal, approverOnRequest, fourEyesDecision } from '../../../src/main/rights/fourEyes'

const ON = { fourEyesErasure: true }
const OFF = { fourEyesErasure: false }

describe('four eyes on erasure (R-19), the pure rule', () => {
  it('counts an erasure approved only once someone approved it', () => {
    expect(fourEyesDecision({ settings: OFF, requester: 'anna', approver: null })).toBe('awaiting-approval')
    expect(fourEyesDecision({ settings: ON, requester: 'anna', approver: null })).toBe('awaiting-approval')
  })

  it('with four eyes on, needs a second privacy officer: the requester’s own approval does not count', () => {
    expect(fourEyesDecision({ settings: ON, requester: 'anna', approver: 'anna' })).toBe('awaiting-approval')
    expect(fourEyesDecision({ settings: ON, requester: 'anna', approver: 'bram' })).toBe('approved')
  })

  it('with four eyes off, the requester’s confirmation is the approval', () => {
    expect(fourEyesDecision({ settings: OFF, requester: 'anna', approver: 'anna' })).toBe('approved')
    expect(fourEyesDecision({ settings: OFF, requester: 'anna', approver: 'bram' })).toBe('approved')
  })

  it('approves a new request at once only when four eyes is off', () => {
    expect(approverOnRequest({ settings: OFF, requester: 'anna' })).toBe('anna')
    expect(approverOnRequest({ settings: ON, requester: 'anna' })).toBeNull()
    // …and what it decides is what the decision rule then says.
    for (const settings of [ON, OFF]) {
      const approver = approverOnRequest({ settings, requester: 'anna' })
      expect(fourEyesDecision({ settings, requester: 'anna', approver })).toBe(settings.fourEyesErasure ? 'awaiting-approval' : 'approved')
    }
  })

  it('lets a second officer approve, never the requester, and not twice', () => {
    expect(approvalRefusal({ requester: 'anna', approvedBy: null, approver: 'bram' })).toBeNull()
    expect(approvalRefusal({ requester: 'anna', approvedBy: null, approver: 'anna' })).toBe('own-request')
    expect(approvalRefusal({ requester: 'anna', approvedBy: 'bram', approver: 'carla' })).toBe('already-approved')
    // The requester's own approval (given while four eyes was off) can still be overruled by a second officer.
    expect(approvalRefusal({ requester: 'anna', approvedBy: 'anna', approver: 'bram' })).toBeNull()
  })
})
