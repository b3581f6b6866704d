import { z } from 'zod'
import { operation } from './operation'

void z
void operation

/** Operations of the retention capability. */
export const retentionOperations = {}
