// The parts of ECharts the dashboard uses, as the global `echarts` that src/chart.rs binds:
// bar and map series, grid, visual map and legend, drawn as SVG (which also gives the SVG
// downloads). Built by scripts/build-echarts.mjs; everything else of ECharts is left out.
import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, MapChart, GridComponent, LegendComponent, VisualMapComponent, SVGRenderer]);
globalThis.echarts = echarts;
