import { z } from 'zod'
import { operation } from './operation'

void z
void operation

/** Operations of the rights capability. */
export const rightsOperations = {}
