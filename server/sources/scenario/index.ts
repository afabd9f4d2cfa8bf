export { SCENARIO_CADENCES, SCENARIO_SIGNALS, type ScenarioSignal } from './families';
export { LAUNCH_SURGE } from './launch-surge';
export { defineScenario, minutes, type Scenario, type ScenarioInput } from './scenario';
export { createScenarioSource, type ScenarioSourceOptions } from './scenario-source';
export { SCENARIO_TIMELINE_TABLE, renderTimelineTable } from './timeline-table';
