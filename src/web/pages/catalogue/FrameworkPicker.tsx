import { Box, SegmentedControl, Stack, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FrameworkSummary } from '../../api/types.ts';

interface FrameworkPickerProps {
  frameworks: readonly FrameworkSummary[];
  value: string;
  onChange: (frameworkId: string) => void;
}

/**
 * One framework at a time in the tree. A radio group underneath, so the arrow keys move between
 * frameworks; stacked on a phone, where the labels would not fit side by side.
 */
export function FrameworkPicker({ frameworks, value, onChange }: FrameworkPickerProps) {
  const theme = useMantineTheme();
  const narrow = useMediaQuery(`(max-width: calc(${theme.breakpoints.md} - 0.1px))`, false, { getInitialValueInEffect: false });
  return (
    <Box mb="md" style={{ overflowX: 'auto' }}>
      <Text component="p" size="sm" fw={500} mb={4} id="framework-picker-label">
        Framework
      </Text>
      <SegmentedControl
        aria-labelledby="framework-picker-label"
        value={value}
        onChange={onChange}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow === true}
        data={frameworks.map((framework) => ({
          value: framework.id,
          label: (
            <Stack gap={0} px={4} py={2}>
              <Text size="sm" fw={600} span>
                {framework.shortName}
              </Text>
              <Text size="xs" c="dimmed" span>
                {framework.itemCount} item{framework.itemCount === 1 ? '' : 's'} · {framework.assessableCount} assessable{framework.custom ? ' · custom' : ''}
              </Text>
            </Stack>
          ),
        }))}
      />
    </Box>
  );
}
