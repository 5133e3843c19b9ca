import { vectorExtensionsOf } from './machine';

describe('vectorExtensionsOf', () => {
  it('names the vector extensions of the first processor, in a fixed order', () => {
    const cpuinfo = [
      'processor\t: 0',
      'model name\t: AMD EPYC',
      'flags\t\t: fpu sse4_2 vpclmulqdq avx2 avx512f avx512bw',
      '',
      'processor\t: 1',
      'flags\t\t: fpu sse4_2',
    ].join('\n');
    expect(vectorExtensionsOf(cpuinfo)).toEqual([
      'sse4_2',
      'avx2',
      'avx512f',
      'avx512bw',
      'vpclmulqdq',
    ]);
  });

  it('tells a machine without AVX-512 apart, and reads nothing from a file without flags', () => {
    expect(vectorExtensionsOf('flags\t: fpu sse4_2 avx2 avx512vlx')).toEqual([
      'sse4_2',
      'avx2',
    ]);
    expect(vectorExtensionsOf('Processor\t: ARMv8')).toEqual([]);
  });
});
