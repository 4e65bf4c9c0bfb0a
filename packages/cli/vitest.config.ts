import { defineProject } from 'vitest/config';
import { swarmProject } from '../../vitest.shared.js';

export default defineProject(swarmProject('cli'));
