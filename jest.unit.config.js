// `npm run test:unit`: every project's unit specs only — no broker, no database, seconds.
const config = require('./jest.config');
const projectConfig = require('./jest.preset');

module.exports = {
  // passWithNoTests is a run option: Jest rejects it inside `projects`, so it is set here once.
  projects: config.projects.map((project) => {
    const { passWithNoTests: _runOption, ...unit } = projectConfig(project.rootDir, { integration: false });
    return unit;
  }),
  passWithNoTests: true,
};
