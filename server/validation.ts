import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';

/** A whole number as people write it: digits only, no sign, point, exponent, spaces or leading zero. */
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * TypeBox's validator, plus one rule for path parameters: TypeBox converts the text before it
 * checks, and its conversion reads `1.9`, `1e0`, `0x1`, ` 1` and `01` all as 1, so one ticket
 * would have many addresses and a typo would act on the wrong one. An integer path parameter must
 * therefore be spelled in decimal digits; its schema (e.g. `IdParams`) then bounds the value.
 */
export const officeValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const validate = TypeBoxValidatorCompiler(route);
  if (route.httpPart !== 'params') return validate;
  const integerNames = Object.entries((route.schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {})
    .filter(([, property]) => property.type === 'integer')
    .map(([name]) => name);
  if (integerNames.length === 0) return validate;
  return (params) => {
    const raw = params as Record<string, unknown>;
    const badName = integerNames.find((name) => typeof raw[name] !== 'string' || !DECIMAL.test(raw[name] as string));
    if (badName === undefined) return validate(params);
    return {
      error: [{ keyword: 'pattern', instancePath: `/${badName}`, schemaPath: `#/properties/${badName}`, params: {}, message: 'must be a whole number in decimal digits' }],
    };
  };
};
