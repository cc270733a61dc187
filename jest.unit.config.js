// `npm run test:unit`: every project's unit specs only — no broker, no database, seconds.
const config = require('./jest.config');
const projectConfig = require('./jest.preset');

module.exports = {
  projects: config.projects.map((project) => projectConfig(project.rootDir, { integration: false })),
};
