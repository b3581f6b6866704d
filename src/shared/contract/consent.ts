import { z } from 'zod'
import { operation } from './operation'

void z
void operation

/** Operations of the consent capability. */
export const consentOperations = {}
