import type { ReactNode } from 'react'
import type { SessionInfo } from '../../../shared/contract/session'
import type { StaffRole } from '../../../shared/domain'

export interface ScreenProps {
  session: SessionInfo
  navigate: (screen: string, params?: Record<string, string>) => void
  params: Record<string, string>
}

/** A navigable screen: its id (nav label key `nav.<id>`), the roles that see it, and its content. */
export interface ScreenDef {
  id: string
  roles: StaffRole[]
  /** hidden screens are reachable by navigate() only (e.g. a person's detail) */
  hidden?: boolean
  render: (p: ScreenProps) => ReactNode
}
