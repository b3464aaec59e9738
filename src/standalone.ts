/*
 * The no-build bundle a tenant page loads with one <script type="module">:
 * registers every tag and exports everything the index exports.
 */
import './define/all.js';

export * from './index.js';
