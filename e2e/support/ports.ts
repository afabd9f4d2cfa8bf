/** The browser tests run their own web server and aggregator beside any `npm start` on 3000/4000. */
export const E2E_WEB_PORT = 3100;
export const E2E_AGGREGATOR_PORT = 4100;
export const E2E_DIST_DIR = '.next-e2e';
