import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { isRole } from '@ntm/domain/authorization';
import type { components } from '../api/generated/dossier-api.js';
import { DepartmentPicker } from './department-picker.js';
import { UnitPicker } from './unit-picker.js';
import { roleOptions, shapeOf, unitFieldLabel } from './words.js';

export type Grant = components['schemas']['UserGrant'];
/** Field errors of the grants, by the API's location (`body.grants.0.unitCode`). */
export type GrantErrors = Map<string, string>;

const at = (index: number, field?: string) => ['body', 'grants', String(index), ...(field ? [field] : [])].join('.');

/**
 * The user's grants, each a role with the unit and department that role needs (what each role
 * needs is the domain's grant shapes). The list replaces the user's grants when saved.
 */
export function GrantEditor({ grants, onChange, errors }: { grants: Grant[]; onChange: (grants: Grant[]) => void; errors: GrantErrors }) {
  const set = (index: number, grant: Grant) => onChange(grants.map((g, i) => (i === index ? grant : g)));
  return (
    <Stack gap="sm">
      {grants.length === 0 && <Text c="dimmed">Chưa có quyền nào: người này đăng nhập được nhưng không làm được việc gì.</Text>}
      {grants.map((grant, index) => {
        const shape = shapeOf(grant.role);
        return (
          <Card key={index} withBorder padding="sm" role="group" aria-label={`Quyền ${index + 1}`}>
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text fw={600} size="sm">
                Quyền {index + 1}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={`Bỏ quyền ${index + 1}`} onClick={() => onChange(grants.filter((_, i) => i !== index))}>
                ✕
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: shape.department ? 3 : 2 }} spacing="sm">
              <Select
                label="Vai trò"
                required
                data={roleOptions}
                value={grant.role}
                allowDeselect={false}
                onChange={(role) => {
                  if (role !== null && isRole(role)) set(index, { role, unitCode: null, departmentCode: null });
                }}
                error={errors.get(at(index))}
              />
              {shape.unit !== 'none' && (
                <UnitPicker
                  label={unitFieldLabel(grant.role)}
                  level={shape.unitLevel}
                  value={grant.unitCode}
                  required={shape.unit === 'required'}
                  onChange={(unitCode) => set(index, { ...grant, unitCode, departmentCode: null })}
                  error={errors.get(at(index, 'unitCode'))}
                />
              )}
              {shape.department && <DepartmentPicker provinceCode={grant.unitCode} value={grant.departmentCode} onChange={(departmentCode) => set(index, { ...grant, departmentCode })} error={errors.get(at(index, 'departmentCode'))} />}
            </SimpleGrid>
          </Card>
        );
      })}
      <Button variant="light" onClick={() => onChange([...grants, { role: 'commune_officer', unitCode: null, departmentCode: null }])} style={{ alignSelf: 'flex-start' }}>
        Thêm quyền
      </Button>
    </Stack>
  );
}
